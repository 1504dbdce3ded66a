using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// The Apple CLI emulator (tests/AppleCliEmulator): its executable, from <c>eng/apple-emulator.sh</c> (which builds it when
/// its inputs changed), and whether it can run here (Linux with podman).
/// </summary>
public static class AppleEmulator
{
    private static readonly Lazy<string> Executable = new(Build);

    /// <summary>The emulator's <c>container</c> executable (built on first use).</summary>
    public static string CliPath => Executable.Value;

    /// <summary>Why the emulator cannot run here, or null: it needs Linux and podman.</summary>
    public static string? SkipReason { get; } =
        !OperatingSystem.IsLinux() ? "The Apple CLI emulator runs containers on podman (Linux only)."
        : !(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "podman")))
            ? "podman is not installed (eng/install-prereqs.sh installs it); the Apple CLI emulator runs containers on it."
        : null;

    /// <summary>The repository root (the directory holding <c>eng/apple-emulator.sh</c>) above this assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "eng", "apple-emulator.sh")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"eng/apple-emulator.sh was not found above {AppContext.BaseDirectory}.");
        }
    }

    private static string Build()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot, "eng", "apple-emulator.sh"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var script = Process.Start(start) ?? throw new InvalidOperationException("eng/apple-emulator.sh did not start");
        var errors = script.StandardError.ReadToEndAsync();
        var output = script.StandardOutput.ReadToEnd();
        script.WaitForExit();
        var path = output.Trim();
        return script.ExitCode == 0 && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"eng/apple-emulator.sh failed ({script.ExitCode}): {errors.GetAwaiter().GetResult()}");
    }
}
