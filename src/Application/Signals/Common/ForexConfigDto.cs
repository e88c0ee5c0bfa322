namespace PromoStack.Application.Signals;

/// <summary>
/// Every setting with its value; <see cref="PendingStrategy"/> is a switch waiting for the open signal to close.
/// <see cref="Aliases"/> are the original system's setting names a PUT also accepts, each with the keys it stands for and
/// its value as read from them; <see cref="Unknown"/> are stored keys the engine does not know (kept from an import), never
/// dropped by a PUT of other keys.
/// </summary>
public sealed record ForexConfigDto(
    IReadOnlyList<ForexSettingDto> Settings, string? PendingStrategy, IReadOnlyDictionary<string, ForexSettingAliasDto> Aliases,
    IReadOnlyList<ForexUnknownSettingDto> Unknown);

public sealed record ForexSettingDto(
    string Key, string Description, string Kind, string Value, bool IsDefault, string DefaultValue, double? Minimum, double? Maximum, IReadOnlyList<string>? Choices);

/// <summary>An accepted name of the original system: the keys of ours it reads and writes, and its value now.</summary>
public sealed record ForexSettingAliasDto(IReadOnlyList<string> Keys, string Value, string Description);

/// <summary>A stored setting the engine does not know: kept as it is and not used.</summary>
public sealed record ForexUnknownSettingDto(string Key, string Value);
