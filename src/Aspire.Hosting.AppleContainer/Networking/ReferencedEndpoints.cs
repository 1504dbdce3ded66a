using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>Finds the endpoints a configuration value refers to, directly or through expressions, connection strings and resources.</summary>
internal static class ReferencedEndpoints
{
    private const int MaxDepth = 16;

    /// <summary>The endpoints <paramref name="value"/> depends on.</summary>
    public static IReadOnlyCollection<EndpointAnnotation> Find(object? value)
    {
        var found = new HashSet<EndpointAnnotation>();
        Collect(value, found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return found;
    }

    private static void Collect(object? value, HashSet<EndpointAnnotation> found, HashSet<object> visited, int depth)
    {
        if (value is null || depth > MaxDepth || !visited.Add(value))
        {
            return;
        }

        if (value is EndpointReference endpoint)
        {
            if (endpoint.Exists)
            {
                found.Add(endpoint.EndpointAnnotation);
            }

            return;
        }

        if (value is IValueWithReferences withReferences)
        {
            foreach (var reference in withReferences.References)
            {
                Collect(reference, found, visited, depth + 1);
            }
        }
    }
}
