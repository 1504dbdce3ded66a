namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Samples <c>/proc/*/cmdline</c> (Linux).</summary>
public sealed class ProcCommandLineSampler : CommandLineSampler
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> SampleAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, "cmdline"), cancellationToken).ConfigureAwait(false);
                if (bytes.Length > 0)
                {
                    lines.Add(System.Text.Encoding.UTF8.GetString(bytes).Replace('\0', ' '));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited between listing and reading.
            }
        }

        return lines;
    }
}
