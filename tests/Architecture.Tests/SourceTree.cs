using System.Text.RegularExpressions;

namespace PromoStack.Architecture.Tests;

/// <summary>The repository's source files, for the layout rules reflection cannot see (folders and file names).</summary>
internal static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Hand-written C# files under <paramref name="relativeDirectory"/> (no build output, no generated migrations).</summary>
    public static IReadOnlyList<string> CSharpFiles(string relativeDirectory) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeDirectory), "*.cs", SearchOption.AllDirectories)
            .Where(path => !Segments(path).Any(segment => segment is "bin" or "obj" or "Migrations"))
            .ToList();

    /// <summary>The names of the types a file declares at its top level (file-scoped namespaces: they start at column 0).</summary>
    public static IReadOnlyList<string> TopLevelTypes(string path) =>
        [.. TopLevelDeclaration().Matches(File.ReadAllText(path)).Select(match => match.Groups["name"].Value)];

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string[] Segments(string path) => Relative(path).Split('/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromoStack.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PromoStack.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*(?:record\s+struct|record|class|interface|enum|struct)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDeclaration();
}
