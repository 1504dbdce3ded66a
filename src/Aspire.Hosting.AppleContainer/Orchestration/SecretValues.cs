using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Tells whether a configuration value is, or is built from, a secret parameter.</summary>
internal static class SecretValues
{
    private const int MaxDepth = 16;

    /// <summary>Whether <paramref name="value"/> (an unprocessed value of the execution configuration) carries a secret.</summary>
    public static bool ContainsSecret(object? value) => ContainsSecret(value, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

    private static bool ContainsSecret(object? value, HashSet<object> visited, int depth)
    {
        if (value is null || depth > MaxDepth || !visited.Add(value))
        {
            return false;
        }

        if (value is ParameterResource { Secret: true })
        {
            return true;
        }

        // An endpoint's host, port or URL is never secret, though the resource it points to may have secrets (a
        // password in its connection string); following the endpoint to that resource would flag a port as secret.
        if (value is EndpointReference or EndpointReferenceExpression)
        {
            return false;
        }

        return value is IValueWithReferences withReferences
            && withReferences.References.Any(reference => ContainsSecret(reference, visited, depth + 1));
    }
}
