using FluentValidation;
using FluentValidation.Results;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

/// <summary>
/// Sets the named settings (null puts one back to its default). A change of <c>active_strategy</c> while a live
/// signal is open is queued and takes effect once it closes. The original system's names
/// (<see cref="ForexSettingAliases"/>) are accepted and written as our keys; one that disagrees with a key of its own the
/// same request sets is a 400 naming it. Stored keys the engine does not know are left as they are.
/// </summary>
public sealed record UpdateForexConfig(IReadOnlyDictionary<string, string?> Settings) : ITenantCommand<ForexConfigDto>;

internal sealed class UpdateForexConfigValidator : AbstractValidator<UpdateForexConfig>
{
    public UpdateForexConfigValidator(IMarketData market)
    {
        RuleFor(c => c.Settings).NotEmpty().WithMessage("Name at least one setting.");
        RuleFor(c => c.Settings).Must(settings => market.Provider != IMarketData.NoProvider || settings?.GetValueOrDefault("enabled") != "true")
            .OverridePropertyName("settings.enabled")
            .WithMessage("The signal engine needs market data, and none is configured: set MarketData__Provider (twelvedata, with MarketData__TwelveData__ApiKey).");
        RuleFor(c => c.Settings).Custom((settings, context) =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                var problem = (ForexSettings.Find(key), ForexSettingAliases.Find(key)) switch
                {
                    (null, null) => $"'{key}' is not a forex setting; known: {string.Join(", ", ForexSettings.All.Select(d => d.Key))}; "
                                    + $"the original system's names are accepted too: {string.Join(", ", ForexSettingAliases.All.Select(a => a.Name))}.",
                    ({ } definition, _) when value is not null => definition.Check(value) is { } reason ? $"'{value}' {reason}." : null,
                    (null, { } alias) when value is not null => alias.Check(value) is { } reason ? $"'{value}' {reason}." : null,
                    _ => null,
                };
                if (problem is not null)
                {
                    context.AddFailure(new ValidationFailure($"settings.{key}", problem));
                }
            }
        });
    }
}

internal sealed class UpdateForexConfigHandler(IAppDbContext db, ITenantContext tenant) : ICommandHandler<UpdateForexConfig, ForexConfigDto>
{
    public async ValueTask<ForexConfigDto> Handle(UpdateForexConfig command, CancellationToken cancellationToken)
    {
        await db.LockCurrentTenantAsync(cancellationToken);
        var tenantId = tenant.RequiredTenantId;
        var update = ForexSettingAliases.Resolve(command.Settings, ForexSettings.From(await ForexConfigStore.StoredAsync(db, cancellationToken)));
        if (update.Problems.Count > 0)
        {
            throw new ValidationException(update.Problems.Select(p => new ValidationFailure($"settings.{p.Key}", p.Value)));
        }

        foreach (var (key, value) in update.Values)
        {
            if (key == ForexSettings.ActiveStrategyKey && await ForexConfigStore.HasOpenLiveSignalAsync(db, cancellationToken))
            {
                await ForexConfigStore.SetAsync(db, tenantId, ForexConfigStore.PendingStrategyKey, value ?? ForexSettings.Find(key)!.DefaultValue, cancellationToken);
                continue;
            }

            await ForexConfigStore.SetAsync(db, tenantId, key, value, cancellationToken);
            if (key == ForexSettings.ActiveStrategyKey)
            {
                await ForexConfigStore.SetAsync(db, tenantId, ForexConfigStore.PendingStrategyKey, null, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ForexConfigView.Of(await ForexConfigStore.StoredAsync(db, cancellationToken));
    }
}
