using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Images: exists, pull, build, remove.</content>
public sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        var arguments = _arguments.ImageInspect(image);
        var result = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return true;
        }

        var error = Fail(arguments, result, "inspect the image");
        return error.Code == BridgeErrorCode.ImageNotFound ? false : throw error;
    }

    /// <inheritdoc />
    public Task PullImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return RunWithProgressAsync(_arguments.Pull(image), "pull", "pull the image", progress, cancellationToken);
    }

    /// <inheritdoc />
    public async Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Tags.Count == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "A build needs at least one tag.") { Option = "tag", Runtime = Name };
        }

        using var secrets = OciSecretFiles.Create(spec.Secrets);
        try
        {
            await RunWithProgressAsync(_arguments.Build(spec, secrets.Paths), "build", "build the image", progress, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.CliFailed)
        {
            throw new BridgeException(BridgeErrorCode.BuildFailed, ex.Message, ex)
            {
                Runtime = Name, Arguments = ex.Arguments, ExitCode = ex.ExitCode, StandardError = ex.StandardError,
            };
        }
    }

    /// <inheritdoc />
    public async Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        await _invoker.RunAsync(_arguments.RemoveImage(image, force), "remove the image", cancellationToken).ConfigureAwait(false);
    }

    private async Task RunWithProgressAsync(
        IReadOnlyList<string> arguments,
        string operation,
        string description,
        IProgress<ProgressEvent>? progress,
        CancellationToken cancellationToken)
    {
        var request = _invoker.CreateRequest(arguments) with { Timeout = null };
        var standardError = new System.Text.StringBuilder();
        int exitCode;
        try
        {
            exitCode = await _invoker.Runner.RunAsync(
                request,
                line =>
                {
                    if (line.Stream == LogStream.StandardError)
                    {
                        standardError.Append(line.Text).Append('\n');
                    }

                    if (line.Text.Length > 0)
                    {
                        progress?.Report(new ProgressEvent(operation, line.Text, IsError: line.Text.StartsWith("Error:", StringComparison.OrdinalIgnoreCase)));
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Runtime is null)
        {
            throw new BridgeException(ex.Code, ex.Message, ex.InnerException)
            {
                Runtime = Name, Arguments = ex.Arguments, StandardError = ex.StandardError, Hint = ex.Hint,
            };
        }

        if (exitCode != 0)
        {
            throw _invoker.Classifier.CreateException(_invoker.Argv(arguments), exitCode, standardError.ToString(), description);
        }
    }
}
