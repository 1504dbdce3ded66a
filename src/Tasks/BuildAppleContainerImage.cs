using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tasks.Builds;
using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.Images;
using Aspire.Hosting.AppleContainer.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks;

public sealed partial class BuildAppleContainerImage : AsyncTask
{
    private const int RememberedLines = 400;

    /// <inheritdoc />
    private protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var image = ResolvedImageItem.Read(Image);
        var runtime = await SelectRuntime(cancellationToken).ConfigureAwait(false);
        Post(() => Log.Message(MessageImportance.High, "BuildingImage", image.Name, image.Reference.Value, runtime.Name));
        var output = new Queue<string>();
        var progress = new BuildProgress(line =>
        {
            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > RememberedLines)
                {
                    output.Dequeue();
                }
            }

            Post(() => Log.LogMessage(MessageImportance.Normal, "{0}", line));
        });

        var stopwatch = Stopwatch.StartNew();
        try
        {
            await runtime.BuildImageAsync(ToSpec(image), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.BuildFailed)
        {
            List<string> lines;
            lock (output)
            {
                lines = [.. output];
            }

            ReportFailure(image, ex, lines);
            return;
        }

        File.WriteAllText(ResolvedImageItem.StampFile(Image), File.ReadAllText(ResolvedImageItem.FingerprintFile(Image)));
        Post(() => Log.Message(MessageImportance.High, "ImageBuilt", image.Name, image.Reference.Value, stopwatch.Elapsed.TotalSeconds));
    }

    private void ReportFailure(ImageDeclaration image, BridgeException exception, IReadOnlyList<string> output)
    {
        var instructions = DockerfileInstructions.Parse(File.ReadAllText(image.Dockerfile));
        var failure = BuildErrorLocator.Locate(output, image.Dockerfile, instructions);
        if (failure is null || failure.Line == 0)
        {
            Post(() => Log.BridgeError(exception, image.Dockerfile));
            return;
        }

        var message = failure.IsSyntaxError ? "DockerfileSyntax" : "BuildStepFailed";
        Post(() => Log.CodedError(message, image.Dockerfile, failure.Line, image.Name, failure.Message));
    }

    private static BuildSpec ToSpec(ImageDeclaration image) => new()
    {
        ContextDirectory = image.ContextDirectory,
        Dockerfile = image.Dockerfile,
        Tags = image.AllTags,
        BuildArgs = image.BuildArgs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        Labels = image.Labels.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        Target = image.Target,
        Platform = image.Platform,
    };

    private sealed class BuildProgress(Action<string> onLine) : IProgress<ProgressEvent>
    {
        public void Report(ProgressEvent value) => onLine(value.Message);
    }
}
