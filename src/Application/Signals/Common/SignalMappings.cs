using Mapster;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

internal sealed class SignalMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ForexSignal, SignalDto>();
}
