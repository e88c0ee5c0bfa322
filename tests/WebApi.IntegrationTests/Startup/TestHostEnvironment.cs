using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>Just enough of a host environment for code that only asks which environment it runs in.</summary>
internal sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = "PromoStack.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
