using System.Runtime.CompilerServices;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Logs and exec.</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    /// <remarks>
    /// A follow of a local podman container with a <c>k8s-file</c> log reads the file itself (no process per follow,
    /// see <see cref="TryFollowLogFileAsync"/>); everything else runs <c>logs</c>.
    /// </remarks>
    public async IAsyncEnumerable<ContainerLogLine> GetLogsAsync(string id, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var fileFollow = follow ? await TryFollowLogFileAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var lines = fileFollow?.ReadAsync(cancellationToken) ?? ReadCliLogsAsync(id, follow, cancellationToken);
        await foreach (var line in lines.ConfigureAwait(false))
        {
            yield return line;
        }
    }

    private async IAsyncEnumerable<ContainerLogLine> ReadCliLogsAsync(string id, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arguments = _arguments.Logs(id, follow);
        var request = _invoker.CreateRequest(arguments) with { Timeout = follow ? null : _invoker.DefaultTimeout };
        var standardError = new System.Text.StringBuilder();
        await foreach (var item in StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (item.ExitCode is { } exitCode)
            {
                if (exitCode != 0)
                {
                    throw _invoker.Classifier.CreateException(_invoker.Argv(arguments), exitCode, standardError.ToString(), "read the container's logs");
                }

                yield break;
            }

            if (item.Line.Stream == LogStream.StandardError && standardError.Length < 4096)
            {
                standardError.Append(item.Line.Text).Append('\n');
            }

            yield return new ContainerLogLine(item.Line.Stream, item.Line.Text);
        }
    }

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Command.Count == 0 || string.IsNullOrEmpty(spec.Command[0]))
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "An exec needs a command.") { Option = "command", Runtime = Name };
        }

        var marker = Capabilities.SupportsExecCancellation ? Guid.NewGuid().ToString("N") : null;
        var arguments = _arguments.Exec(id, spec, marker);
        var request = _invoker.CreateRequest(arguments, standardInput: spec.StandardInput) with { Timeout = null };
        ProcessResult result;
        try
        {
            result = await _invoker.Runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (marker is not null && cancellationToken.IsCancellationRequested)
        {
            // Still an OperationCanceledException carrying the caller's token, once the exec's processes are gone.
            await _terminator.TerminateAsync(id, marker).ConfigureAwait(false);
            throw;
        }

        // The exit code is the command's, unless the CLI itself failed (a classified message on stderr).
        if (result.ExitCode != 0 && _invoker.Classifier.Match(result.StandardError) is not null)
        {
            throw Fail(arguments, result, "exec in the container");
        }

        return new ExecResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private async IAsyncEnumerable<ProcessStreamItem> StreamAsync(ProcessRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = _invoker.Runner.StreamLinesAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (BridgeException ex) when (ex.Runtime is null)
            {
                throw new BridgeException(ex.Code, ex.Message, ex.InnerException) { Runtime = Name, Arguments = ex.Arguments, StandardError = ex.StandardError };
            }

            yield return enumerator.Current;
        }
    }
}
