using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Model;

/// <summary>
/// The host port an endpoint asked for (<see cref="EndpointAnnotation.Port"/>), kept here in run mode while the
/// endpoint's own <c>Port</c> is cleared so that DCP's proxy never binds it.
/// </summary>
/// <param name="EndpointName">The endpoint's name.</param>
/// <param name="Port">The requested host port.</param>
internal sealed record RequestedHostPortAnnotation(string EndpointName, int Port) : IResourceAnnotation;
