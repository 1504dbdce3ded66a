using System.Globalization;
using System.Resources;

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>The integration's publish-side diagnostics (<c>ACTRnnnn</c>), whose texts live in <c>PublishMessages.resx</c>.</summary>
internal static class PublishDiagnostics
{
    private static readonly ResourceManager Messages =
        new("Aspire.Hosting.AppleContainer.Deployment.PublishMessages", typeof(PublishDiagnostics).Assembly);

    /// <summary>ACTR2007: the compose <paramref name="verb"/> was asked of Apple's runtime, which has no compose; the message says what to use.</summary>
    public static DistributedApplicationException ComposeUnsupported(string verb)
    {
        var message = string.Format(CultureInfo.InvariantCulture, Messages.GetString("ComposeUnsupported", CultureInfo.CurrentUICulture)!, verb);
        return new DistributedApplicationException($"{message} {Messages.GetString("ComposeUnsupported_Hint", CultureInfo.CurrentUICulture)}");
    }
}
