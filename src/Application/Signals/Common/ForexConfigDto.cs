namespace PromoStack.Application.Signals;

/// <summary>Every setting with its value; <see cref="PendingStrategy"/> is a switch waiting for the open signal to close.</summary>
public sealed record ForexConfigDto(IReadOnlyList<ForexSettingDto> Settings, string? PendingStrategy);

public sealed record ForexSettingDto(
    string Key, string Description, string Kind, string Value, bool IsDefault, string DefaultValue, double? Minimum, double? Maximum, IReadOnlyList<string>? Choices);
