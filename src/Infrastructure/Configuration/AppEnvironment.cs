using Microsoft.Extensions.Hosting;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Configuration;

public sealed class AppEnvironment(IHostEnvironment host) : IAppEnvironment
{
    public bool IsDevelopment => host.IsDevelopment();
}
