using Microsoft.Extensions.Hosting;
using PromoStack.Cli;

if (OfflineVerbs.Handles(args))
{
    return OfflineVerbs.Run(args, Environment.CurrentDirectory, Console.Out, Console.Error);
}

if (Verbs.IsHelp(args))
{
    return Verbs.Help(Console.Error);
}

var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
    ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
    ?? Environments.Production;
return await CliHost.RunAsync(args, environment, [], Console.Out, Console.Error);
