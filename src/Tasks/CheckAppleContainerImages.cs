using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.Images;
using Aspire.Hosting.AppleContainer.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

public sealed partial class CheckAppleContainerImages : AsyncTask
{
    /// <summary>Reads the selection settings; tests replace it, the build reads the environment.</summary>
    internal Func<string, string?> ReadSetting { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Selects the runtime with detection; tests replace it.</summary>
    internal Func<RuntimeSelectionOptions, CancellationToken, Task<RuntimeSelection>> SelectRemembering { get; set; } =
        (options, cancellationToken) => ContainerRuntimeSelector.SelectRememberingAsync(options, cancellationToken);

    /// <summary>Recreates a remembered runtime without running a process, or null when the inputs changed; tests replace it.</summary>
    internal Func<RememberedRuntime, RuntimeSelectionOptions, IContainerRuntime?> Recall { get; set; } = ContainerRuntimeSelector.Recall;

    /// <inheritdoc />
    private protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var options = RuntimeSelectionOptions.FromSettings(ReadSetting);
        var memory = RememberedRuntimeFile.Read(RuntimeMemoryFile);
        var recalled = memory is null ? null : Recall(memory, options);

        // A remembered runtime is asked about every image at once while the contexts are hashed, and its answer is
        // also the proof that it still runs. Without one, selection asks the CLIs for version and status meanwhile.
        var query = recalled is null ? null : System.Threading.Tasks.Task.Run(() => recalled.FindImagesAsync(References(Images), cancellationToken), cancellationToken);
        var selection = recalled is null ? System.Threading.Tasks.Task.Run(() => SelectRemembering(options, cancellationToken), cancellationToken) : null;
        var contexts = await System.Threading.Tasks.Task.Run(() => Images.Select(HashContext).OfType<ImageContext>().ToList(), cancellationToken).ConfigureAwait(false);
        if (recalled is not null)
        {
            Post(() => Log.Message(MessageImportance.Low, "RememberedRuntime", recalled.Name, memory!.ExecutablePath, RuntimeMemoryFile));
            try
            {
                var found = await query!.ConfigureAwait(false);
                DropMissing(recalled.Name, Refresh(contexts, recalled.Name), found);
                return;
            }
            catch (BridgeException ex)
            {
                Post(() => Log.Message(MessageImportance.Normal, "RememberedRuntimeUnusable", recalled.Name, RuntimeMemoryFile, ex.Code));
            }
        }

        RuntimeSelection selected;
        try
        {
            selected = await (selection ?? SelectRemembering(options, cancellationToken)).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code is BridgeErrorCode.RuntimeNotFound or BridgeErrorCode.RuntimeNotRunning or BridgeErrorCode.UnsupportedRuntime)
        {
            RememberedRuntimeFile.Delete(RuntimeMemoryFile);
            Post(() => Log.CodedWarning("RuntimeUnavailable", DiagnosticCatalog.Describe(ex).ToString()));
            return;
        }

        RememberedRuntimeFile.Write(RuntimeMemoryFile, selected.Memory);
        var runtime = selected.Runtime;
        var unchanged = Refresh(contexts, runtime.Name);
        var present = unchanged.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : await runtime.FindImagesAsync(References(unchanged.Select(context => context.Item)), cancellationToken).ConfigureAwait(false);
        DropMissing(runtime.Name, unchanged, present);
    }

    private static string[] References(IEnumerable<ITaskItem> items) => [.. items.Select(item => ResolvedImageItem.Read(item).Reference.Value)];

    /// <summary>Brings every fingerprint and stamp up to date for <paramref name="runtimeName"/>; returns the images whose stamps still match.</summary>
    private List<ImageContext> Refresh(IEnumerable<ImageContext> contexts, string runtimeName) =>
        [.. contexts.Where(context => Refresh(context, runtimeName))];

    /// <summary>Deletes the stamps of the <paramref name="unchanged"/> images the runtime no longer has, and reports the runtime.</summary>
    private void DropMissing(string runtimeName, IReadOnlyList<ImageContext> unchanged, IReadOnlySet<string> present)
    {
        foreach (var context in unchanged.Where(context => !present.Contains(context.Image.Reference.Value)))
        {
            Post(() => Log.Message(MessageImportance.Normal, "ImageRemoved", context.Image.Name, context.Image.Reference.Value, runtimeName));
            File.Delete(ResolvedImageItem.StampFile(context.Item));
        }

        RuntimeName = runtimeName;
    }
}
