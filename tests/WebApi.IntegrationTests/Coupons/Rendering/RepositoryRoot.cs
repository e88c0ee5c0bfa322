namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>The checkout the tests run from (the folder holding <c>PromoStack.sln</c>), where golden images are kept.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PromoStack.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PromoStack.sln above {AppContext.BaseDirectory}.");
    }
}
