using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Samples command lines with <c>ps -axww -o command=</c> (macOS and other Unixes without procfs).</summary>
public sealed class PsCommandLineSampler : CommandLineSampler
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> SampleAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = "ps", Arguments = ["-axww", "-o", "command="], Timeout = TimeSpan.FromSeconds(10) },
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
