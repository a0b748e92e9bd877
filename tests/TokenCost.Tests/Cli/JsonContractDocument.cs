using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using TokenCost.Contracts;

namespace TokenCost.Tests.Cli;

/// <summary>
/// Generates the reference part of docs/json.md from the source-generated metadata of <see cref="TokenCostJsonContext"/> (key names, JSON types,
/// nullability) and the contracts' XML documentation (meanings and units), and parses the documented contracts back for the walking test.
/// </summary>
internal static class JsonContractDocument
{
    public const string Begin = "<!-- BEGIN GENERATED: tests/TokenCost.Tests/Cli/JsonContractTests.cs writes this part; do not edit by hand -->";

    public const string End = "<!-- END GENERATED -->";

    /// <summary>The contract types of the commands, keyed by their root type, in the order of the document.</summary>
    public static IReadOnlyList<Type> Roots => [.. JsonCommands.All.Select(c => c.Root).Distinct()];

    public static string DocPath => Path.Combine(RepositoryRoot(), "docs", "json.md");

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenCost.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TokenCost.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Generates the reference part (between the markers, exclusive).</summary>
    public static string Generate()
    {
        var docs = XmlDocs();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Contract version: **{ContractVersion.Current}**.\n\n");
        sb.Append("## Commands\n\n");
        sb.Append("| command | prints | contract |\n|---|---|---|\n");
        foreach (var c in JsonCommands.All)
        {
            var shape = c.Shape switch
            {
                JsonShape.Object => "one object",
                JsonShape.Array => "an array of",
                _ => "JSON Lines: one object per line, each",
            };
            sb.Append(CultureInfo.InvariantCulture, $"| `tokencost {string.Join(' ', c.Example)}` | {shape} | [{Name(c.Root)}](#{Anchor(c.Root)}) |\n");
        }

        sb.Append("\n## Contracts\n");
        foreach (var type in Reachable())
        {
            var info = Info(type);
            sb.Append(CultureInfo.InvariantCulture, $"\n### {Name(type)}\n\n{Summary(docs, "T:" + type.FullName)}\n\n");
            sb.Append("| key | type | meaning |\n|---|---|---|\n");
            foreach (var p in info.Properties)
            {
                var member = (PropertyInfo)p.AttributeProvider!;
                var optional = p.ShouldSerialize is not null ? " (absent unless printed alone)" : "";
                sb.Append(CultureInfo.InvariantCulture, $"| `{p.Name}` | {TypeText(member)}{optional} | {Summary(docs, "P:" + type.FullName + "." + member.Name)} |\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>Every contract type reachable from the commands' roots, roots first, each once.</summary>
    public static IReadOnlyList<Type> Reachable()
    {
        var seen = new List<Type>();
        var queue = new Queue<Type>(Roots.Select(Element));
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (seen.Contains(type))
            {
                continue;
            }

            seen.Add(type);
            foreach (var p in Info(type).Properties)
            {
                var inner = Element(((PropertyInfo)p.AttributeProvider!).PropertyType);
                if (IsContract(inner))
                {
                    queue.Enqueue(inner);
                }
            }
        }

        return seen;
    }

    public static JsonTypeInfo Info(Type type) => TokenCostJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} is not in TokenCostJsonContext.");

    public static string Name(Type type) => Element(type).Name;

    public static string Anchor(Type type) => Name(type).ToLowerInvariant();

    /// <summary>The contract type of a list's or dictionary's elements, else the type itself.</summary>
    public static Type Element(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return type.GetGenericArguments()[0];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return type.GetGenericArguments()[1];
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static bool IsContract(Type type) => type.Namespace == typeof(ContractVersion).Namespace && type.IsClass;

    /// <summary>The documented JSON type of a property: number, integer, string, boolean, an object, array or map, "or null" when nullable.</summary>
    public static string TypeText(PropertyInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var nullable = new NullabilityInfoContext().Create(member).ReadState == NullabilityState.Nullable;
        return Text(member.PropertyType) + (nullable ? " or null" : "");

        static string Text(Type t)
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                return "array of " + Text(t.GetGenericArguments()[0]);
            }

            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                return "map of " + Text(t.GetGenericArguments()[1]);
            }

            return t == typeof(double) ? "number"
                : t == typeof(int) || t == typeof(long) ? "integer"
                : t == typeof(string) ? "string"
                : t == typeof(bool) ? "boolean"
                : IsContract(t) ? $"[{t.Name}](#{t.Name.ToLowerInvariant()})"
                : throw new InvalidOperationException($"{t} has no documented JSON type.");
        }
    }

    private static Dictionary<string, string> XmlDocs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TokenCost.Contracts.xml");
        var xml = XDocument.Load(path);
        return xml.Descendants("member").ToDictionary(
            m => (string)m.Attribute("name")!,
            m => string.Join(" ", (m.Element("summary")?.Nodes().Select(n => n switch
            {
                XText text => text.Value,
                XElement { Name.LocalName: "c" } c => "`" + c.Value + "`",
                XElement { Name.LocalName: "see" } see => Tail((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? ""),
                _ => "",
            }).Where(s => s.Length > 0) ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)).Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal),
            StringComparer.Ordinal);

        static string Tail(string cref) => "`" + cref[(cref.LastIndexOf('.') + 1)..] + "`";
    }

    private static string Summary(Dictionary<string, string> docs, string key)
    {
        if (!docs.TryGetValue(key, out var text) || text.Length == 0)
        {
            throw new InvalidOperationException($"{key} has no XML summary: every contract member documents its meaning and unit.");
        }

        foreach (var prefix in new[] { "Gets a value indicating whether ", "Gets " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = prefix.StartsWith("Gets a value", StringComparison.Ordinal) ? "Whether " + text[prefix.Length..] : char.ToUpperInvariant(text[prefix.Length]) + text[(prefix.Length + 1)..];
                break;
            }
        }

        return text;
    }

    /// <summary>Parses the documented contracts: for each type name, its keys with their documented type text.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ParseContracts(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                result[line[4..].Trim()] = current;
            }
            else if (current is not null && line.StartsWith("| `", StringComparison.Ordinal))
            {
                var cells = line.Split(" | ");
                current[cells[0].Trim('|', ' ', '`')] = cells[1].Trim();
            }
        }

        return result;
    }
}
