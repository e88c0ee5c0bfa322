namespace PromoStack.Application.Common.Security;

/// <summary>
/// A message property that holds a secret (a token, a key, a password, a header value that authenticates): the audit
/// log records it masked (<see cref="SecretMask"/>). Properties whose names say they are secrets are masked without
/// it (<see cref="AuditFields.LooksSecret"/>); mark the ones whose names do not (on a record's positional
/// parameter: <c>[property: Secret]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
