using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>Builds requests that run the fake CLI (tests/FakeCli) directly: its apphost, or the dotnet host with its dll.</summary>
internal static class Fake
{
    private static readonly string AppHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "FakeCli.exe" : "FakeCli");
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "FakeCli.dll");

    /// <summary>The executable that starts the fake CLI.</summary>
    public static string FileName => File.Exists(AppHost) ? AppHost : DotnetHost;

    /// <summary>The arguments that make the fake CLI run <paramref name="steps"/>.</summary>
    public static IReadOnlyList<string> Arguments(params string[] steps) => File.Exists(AppHost) ? steps : [Assembly, .. steps];

    /// <summary>A request running <paramref name="steps"/> with a generous timeout that only a hang would reach.</summary>
    public static ProcessRequest Request(params string[] steps) => new()
    {
        FileName = FileName,
        Arguments = Arguments(steps),
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath
        ?? throw new InvalidOperationException("Neither the fake CLI's apphost nor the dotnet host was found.");
}
