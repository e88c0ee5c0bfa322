using Mapster;

namespace PromoStack.Application.Common.Mapping;

/// <summary>
/// The entity → DTO mappings, each feature's in its own <see cref="IRegister"/> (e.g. <c>Signals/Common/SignalMappings</c>).
/// Every mapping is explicit and every DTO member must have a source; <see cref="Create"/> compiles them all, so a
/// broken one stops start-up instead of failing a request.
/// </summary>
public static class Mappings
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.Scan(typeof(Mappings).Assembly);
        config.Compile();
        config.CompileProjection();
        return config;
    }
}
