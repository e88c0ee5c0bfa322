using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>Sets the given settings; a null value puts a setting back to its default. Settings not named are kept.</summary>
public sealed record UpdateBotConfig(IReadOnlyDictionary<string, string?> Settings) : ITenantCommand<IReadOnlyList<BotSettingDto>>;

internal sealed class UpdateBotConfigValidator : AbstractValidator<UpdateBotConfig>
{
    public UpdateBotConfigValidator()
    {
        RuleFor(c => c.Settings).NotEmpty().WithMessage("Name at least one setting.");
        RuleFor(c => c.Settings).Custom((settings, context) =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                if (Problem(key, value) is { } problem)
                {
                    context.AddFailure(new ValidationFailure($"settings.{key}", problem));
                }
            }
        });
    }

    private static string? Problem(string key, string? value) => BotSettings.Find(key) switch
    {
        null => $"'{key}' is not a bot setting; known: {string.Join(", ", BotSettings.All.Select(d => d.Key))}.",
        _ when value is not null && string.IsNullOrWhiteSpace(value) => "A setting cannot be blank; send null to use the default.",
        { } definition when value?.Length > definition.MaxLength => $"At most {definition.MaxLength} characters.",
        _ => null,
    };
}

internal sealed class UpdateBotConfigHandler(IAppDbContext db, ITenantContext tenant)
    : ICommandHandler<UpdateBotConfig, IReadOnlyList<BotSettingDto>>
{
    public async ValueTask<IReadOnlyList<BotSettingDto>> Handle(UpdateBotConfig command, CancellationToken cancellationToken)
    {
        var keys = command.Settings.Keys.ToList();
        var stored = await db.BotConfig.Where(c => keys.Contains(c.SettingKey)).ToDictionaryAsync(c => c.SettingKey, cancellationToken);
        foreach (var (key, value) in command.Settings)
        {
            switch (stored.GetValueOrDefault(key), value)
            {
                case (null, not null):
                    db.BotConfig.Add(Domain.Telegram.BotConfig.Create(tenant.RequiredTenantId, key, value));
                    break;
                case ({ } row, not null):
                    row.Change(value);
                    break;
                case ({ } row, null):
                    db.BotConfig.Remove(row);
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await BotSettingsView.ReadAsync(db, cancellationToken);
    }
}
