using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Aspire.Hosting.AppleContainer.Tasks.Images;

namespace Aspire.Hosting.AppleContainer.Tasks;

public sealed partial class ResolveAppleContainerImages : Microsoft.Build.Utilities.Task
{
    /// <summary>Creates the task.</summary>
    public ResolveAppleContainerImages()
        : base(TaskMessages.ResourceManager)
    {
    }

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var images = new ImageItemReader(Log, ProjectDirectory).Read(Images, DefaultLabels);
            var stateDirectory = Path.GetFullPath(Path.Combine(ProjectDirectory, StateDirectory));
            ResolvedImages = [.. images.Select(image => ResolvedImageItem.Create(image, stateDirectory))];
        }
        catch (Exception ex) when (DiagnosticLog.IsFileAccess(ex))
        {
            Log.FileAccessError(nameof(ResolveAppleContainerImages), ex);
        }

        return !Log.HasLoggedErrors;
    }
}
