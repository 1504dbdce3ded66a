namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Reads the command line of every process on the machine (to prove secrets never reach an argv).</summary>
public abstract class CommandLineSampler
{
    /// <summary>The sampler for this platform: <c>/proc/*/cmdline</c> on Linux, <c>ps</c> elsewhere.</summary>
    public static CommandLineSampler ForCurrentPlatform() =>
        OperatingSystem.IsLinux() ? new ProcCommandLineSampler() : new PsCommandLineSampler();

    /// <summary>Every readable command line (arguments joined by spaces).</summary>
    public abstract Task<IReadOnlyList<string>> SampleAsync(CancellationToken cancellationToken);
}
