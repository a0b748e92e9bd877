using System.Collections;
using System.Diagnostics.CodeAnalysis;
using TokenCost.Hardware;
using TokenCost.Quantities;

namespace TokenCost.Estimation;

// Read-only views with the same contents as the catalog's dictionaries but O(1), hash-free look-ups, used by
// PreparedDeployment so that Forward's per-call look-ups (peak rate along the precision fallback chain, weight-format
// bandwidth factor) cost a few nanoseconds instead of tens. Contents, and so every result, are identical.

/// <summary>Peak rates indexed by precision in an array.</summary>
internal sealed class PrecisionTable : IReadOnlyDictionary<ComputePrecision, FlopRate>
{
    private readonly IReadOnlyDictionary<ComputePrecision, FlopRate> _source;
    private readonly FlopRate[] _rates;
    private readonly bool[] _present;

    public PrecisionTable(IReadOnlyDictionary<ComputePrecision, FlopRate> source)
    {
        _source = source;
        var size = Enum.GetValues<ComputePrecision>().Max(p => (int)p) + 1;
        _rates = new FlopRate[size];
        _present = new bool[size];
        foreach (var (precision, rate) in source)
        {
            var i = (int)precision;
            if ((uint)i < (uint)size)
            {
                _rates[i] = rate;
                _present[i] = true;
            }
        }
    }

    public int Count => _source.Count;

    public IEnumerable<ComputePrecision> Keys => _source.Keys;

    public IEnumerable<FlopRate> Values => _source.Values;

    public FlopRate this[ComputePrecision key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key.ToString());

    public bool ContainsKey(ComputePrecision key) => TryGetValue(key, out _);

    public bool TryGetValue(ComputePrecision key, [MaybeNullWhen(false)] out FlopRate value)
    {
        var i = (int)key;
        if ((uint)i < (uint)_present.Length)
        {
            value = _rates[i];
            return _present[i];
        }

        return _source.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<ComputePrecision, FlopRate>> GetEnumerator() => _source.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A string-keyed map that answers one known key (the deployment's weight format id) without hashing.</summary>
internal sealed class KnownKeyMap : IReadOnlyDictionary<string, double>
{
    private readonly IReadOnlyDictionary<string, double> _source;
    private readonly string _key;
    private readonly bool _found;
    private readonly double _value;

    public KnownKeyMap(IReadOnlyDictionary<string, double> source, string key)
    {
        _source = source;
        _key = key;
        _found = source.TryGetValue(key, out _value);
    }

    public int Count => _source.Count;

    public IEnumerable<string> Keys => _source.Keys;

    public IEnumerable<double> Values => _source.Values;

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        if (ReferenceEquals(key, _key))
        {
            value = _value;
            return _found;
        }

        return _source.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _source.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
