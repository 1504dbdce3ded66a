using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.Cli;

/// <summary>
/// ListFormat (ListFormat.swift@1.2.2: json, table, yaml, toml) and Output.render/renderTable (OutputRendering.swift@1.2.2,
/// TableOutput.swift@1.2.2: columns padded to the widest cell plus two spaces, the last column unpadded, no trailing
/// newline; <c>print</c> adds one; nothing at all for an empty quiet list).
/// </summary>
internal static class ListFormat
{
    public static string Parse(ParsedArguments parsed, string verb)
    {
        var format = parsed.Value("--format") ?? "table";
        return format switch
        {
            "json" or "table" => format,
            "yaml" or "toml" => throw CliFailure.Of(new TextError($"--format {format} is not emulated (tests/AppleCliEmulator/README.md)")),
            _ => throw Usage.Failure(verb, $"The value '{format}' is invalid for '--format <format>'"),
        };
    }

    public static void Emit(string format, JsonArray items, string[] header, IReadOnlyList<string[]> rows, bool quiet)
    {
        if (format == "json")
        {
            Console.Out.WriteLine(SwiftJson.Compact(items));
            return;
        }

        var text = quiet ? string.Join('\n', rows.Select(r => r[0])) : Table([header, .. rows]);
        if (text.Length > 0)
        {
            Console.Out.WriteLine(text);
        }
    }

    public static string Table(IReadOnlyList<string[]> rows)
    {
        var widths = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths.GetValueOrDefault(i), row[i].Length);
            }
        }

        return string.Join('\n', rows.Select(row => string.Concat(row.Take(row.Length - 1).Select((cell, i) => cell.PadRight(widths[i] + 2))) + row[^1]));
    }
}
