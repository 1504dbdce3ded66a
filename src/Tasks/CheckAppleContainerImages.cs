using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;
using Aspire.Hosting.AppleContainer.Tasks.Fingerprints;
using Aspire.Hosting.AppleContainer.Tasks.Images;
using Aspire.Hosting.AppleContainer.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

public sealed partial class CheckAppleContainerImages : AsyncTask
{
    /// <inheritdoc />
    protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken cancellationToken)
    {
        // Selecting the runtime asks its CLI for version and status; hash the contexts meanwhile.
        var selection = System.Threading.Tasks.Task.Run(() => SelectRuntime(cancellationToken), cancellationToken);
        var contextHashes = await System.Threading.Tasks.Task.Run(() => Images.Select(HashContext).ToList(), cancellationToken).ConfigureAwait(false);
        IContainerRuntime runtime;
        try
        {
            runtime = await selection.ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code is BridgeErrorCode.RuntimeNotFound or BridgeErrorCode.RuntimeNotRunning or BridgeErrorCode.UnsupportedRuntime)
        {
            Post(() => Log.CodedWarning("RuntimeUnavailable", DiagnosticCatalog.Describe(ex).ToString()));
            return;
        }

        var checks = Images.Select((item, index) => CheckAsync(runtime, item, contextHashes[index], cancellationToken));
        await System.Threading.Tasks.Task.WhenAll(checks).ConfigureAwait(false);
        RuntimeName = runtime.Name;
    }

    private string? HashContext(ITaskItem item)
    {
        var image = ResolvedImageItem.Read(item);
        try
        {
            var matcher = DockerIgnoreMatcher.Empty;
            if (DockerIgnoreFile.Locate(image.ContextDirectory, image.Dockerfile) is { } ignoreFile)
            {
                matcher = DockerIgnoreFile.Parse(File.ReadAllText(ignoreFile), out var line, out var pattern);
                if (pattern is not null)
                {
                    Post(() => Log.CodedError("InvalidDockerIgnore", ignoreFile, line, pattern));
                    return null;
                }
            }

            return ContextHasher.Hash(image.ContextDirectory, matcher);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Post(() => Log.CodedError("ContextUnreadable", null, 0, image.Name, ex.Message));
            return null;
        }
    }

    private async System.Threading.Tasks.Task CheckAsync(IContainerRuntime runtime, ITaskItem item, string? contextHash, CancellationToken cancellationToken)
    {
        if (contextHash is null)
        {
            return;
        }

        var image = ResolvedImageItem.Read(item);
        var fingerprint = ImageFingerprint.Compute(image, contextHash, runtime.Name);
        var fingerprintFile = ResolvedImageItem.FingerprintFile(item);
        var stampFile = ResolvedImageItem.StampFile(item);
        Directory.CreateDirectory(Path.GetDirectoryName(fingerprintFile)!);
        if (!File.Exists(fingerprintFile) || File.ReadAllText(fingerprintFile) != fingerprint)
        {
            File.WriteAllText(fingerprintFile, fingerprint);
        }

        if (!File.Exists(stampFile))
        {
            return;
        }

        if (ForceRebuild)
        {
            Post(() => Log.Message(MessageImportance.Normal, "ForcingRebuild", image.Name));
            File.Delete(stampFile);
        }
        else if (File.ReadAllText(stampFile) != fingerprint)
        {
            File.Delete(stampFile);
        }
        else if (!await runtime.ImageExistsAsync(image.Reference.Value, cancellationToken).ConfigureAwait(false))
        {
            Post(() => Log.Message(MessageImportance.Normal, "ImageRemoved", image.Name, image.Reference.Value, runtime.Name));
            File.Delete(stampFile);
        }
    }
}
