using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Starts the out-of-process watchdog (<c>Aspire.Hosting.AppleContainer.Watchdog.dll</c>, next to this assembly)
/// directly through the .NET host, never a shell. The watchdog holds the read end of a pipe whose write end only
/// this process has: when this process ends, however it ends, the watchdog sees end-of-file and removes the
/// session's containers.
/// </summary>
internal static class WatchdogLauncher
{
    /// <summary>The watchdog assembly's file name.</summary>
    public const string AssemblyFileName = "Aspire.Hosting.AppleContainer.Watchdog.dll";

    /// <summary>The watchdog's path, or null when it is not deployed next to this assembly.</summary>
    public static string? FindWatchdog()
    {
        var directory = Path.GetDirectoryName(typeof(WatchdogLauncher).Assembly.Location);
        var path = directory is null ? null : Path.Combine(directory, AssemblyFileName);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>The .NET host executable (<c>dotnet</c>) of the running runtime.</summary>
    public static string? FindDotNetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } processPath && Path.GetFileName(processPath) == name)
        {
            return processPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The running application's runtime configuration and dependency manifest, when both exist.</summary>
    public static (string RuntimeConfig, string DepsFile)? FindApplicationDependencies()
    {
        var depsFile = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (depsFile is null || !depsFile.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) || !File.Exists(depsFile))
        {
            return null;
        }

        var runtimeConfig = depsFile[..^".deps.json".Length] + ".runtimeconfig.json";
        return File.Exists(runtimeConfig) ? (runtimeConfig, depsFile) : null;
    }

    /// <summary>Starts the watchdog for <paramref name="sessionId"/>; the returned process's standard input must stay open until shutdown.</summary>
    public static Process Start(string dotnetHost, string watchdogPath, string sessionId, string runtimeName, string? cliPath)
    {
        var startInfo = new ProcessStartInfo(dotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        startInfo.ArgumentList.Add("exec");
        if (FindApplicationDependencies() is var (runtimeConfig, depsFile))
        {
            // Run in the AppHost's own dependency context: it describes the files actually deployed next to it.
            startInfo.ArgumentList.Add("--runtimeconfig");
            startInfo.ArgumentList.Add(runtimeConfig);
            startInfo.ArgumentList.Add("--depsfile");
            startInfo.ArgumentList.Add(depsFile);
        }

        startInfo.ArgumentList.Add(watchdogPath);
        startInfo.ArgumentList.Add("--session");
        startInfo.ArgumentList.Add(sessionId);
        startInfo.ArgumentList.Add("--runtime");
        startInfo.ArgumentList.Add(runtimeName);
        if (cliPath is not null)
        {
            startInfo.ArgumentList.Add("--cli");
            startInfo.ArgumentList.Add(cliPath);
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("The watchdog process did not start.");
    }
}
