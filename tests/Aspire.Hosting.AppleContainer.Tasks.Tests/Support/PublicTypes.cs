using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// The public types of an assembly, read from its metadata without loading it, and those its PublicAPI baseline
/// records; both as full names with nested types joined by '.' and without generic arity or parameters.
/// </summary>
internal static class PublicTypes
{
    /// <summary>The types a user can name in the assembly's image.</summary>
    public static IReadOnlySet<string> InAssembly(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            if (FullNameIfVisible(reader, handle) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The types recorded in PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt of a project folder.</summary>
    public static IReadOnlySet<string> InBaseline(string projectDirectory)
    {
        // A type's line is its name alone; every member line has " -> " (its type), a removed entry starts "*REMOVED*".
        string[] modifiers = ["abstract ", "sealed ", "static "];
        return new SortedSet<string>(
            new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
                .SelectMany(file => File.ReadAllLines(Path.Combine(projectDirectory, file)))
                .Select(line => line.Trim().TrimStart('~'))
                .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("*REMOVED*", StringComparison.Ordinal) && !line.Contains(" -> ", StringComparison.Ordinal))
                .Select(line => modifiers.Aggregate(line, (l, m) => l.StartsWith(m, StringComparison.Ordinal) ? l[m.Length..] : l))
                .Select(line => line.Split('<')[0]),
            StringComparer.Ordinal);
    }

    private static string? FullNameIfVisible(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        var name = reader.GetString(type.Name).Split('`')[0];
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            if (visibility is not (TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            {
                return null;
            }

            return FullNameIfVisible(reader, declaring) is { } outer ? $"{outer}.{name}" : null;
        }

        if (visibility != TypeAttributes.Public)
        {
            return null;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }
}
