namespace HotSpots.Platform.Revisions;

/// <summary>The number of every kind of data, as one read of <c>platform_revisions</c> found them (0: never raised).</summary>
public sealed class RevisionReading(IReadOnlyDictionary<string, long> numbers)
{
    public static readonly RevisionReading None = new(new Dictionary<string, long>());

    public long this[string kind] => numbers.GetValueOrDefault(kind);

    // The stamp last asked for: a read is shared by many callers of the same copy, which ask for the same kinds.
    private Memo? _last;

    /// <summary>The numbers of the given kinds, in their order.</summary>
    public RevisionStamp Stamp(IReadOnlyList<string> kinds)
    {
        if (_last is { } last && ReferenceEquals(last.Kinds, kinds)) return last.Stamp;
        var values = new long[kinds.Count];
        for (var i = 0; i < values.Length; i++) values[i] = this[kinds[i]];
        var stamp = new RevisionStamp(kinds, values);
        _last = new Memo(kinds, stamp);
        return stamp;
    }

    private sealed record Memo(IReadOnlyList<string> Kinds, RevisionStamp Stamp);
}

/// <summary>The numbers of some kinds of data at one read: what a copy held in memory was built from.</summary>
public sealed class RevisionStamp
{
    private readonly IReadOnlyList<string> _kinds;
    private readonly long[] _numbers;

    public RevisionStamp(IReadOnlyList<string> kinds, long[] numbers)
    {
        if (kinds.Count != numbers.Length) throw new ArgumentException("A stamp needs one number per kind.", nameof(numbers));
        _kinds = kinds;
        _numbers = numbers;
    }

    public long this[string kind]
    {
        get
        {
            for (var i = 0; i < _numbers.Length; i++)
                if (_kinds[i] == kind) return _numbers[i];
            throw new KeyNotFoundException($"This stamp has no revision of '{kind}'.");
        }
    }

    /// <summary>
    /// True when every kind's number here is at least the one in <paramref name="read"/> (of the same kinds): a copy built
    /// after this stamp was read holds every write that <paramref name="read"/> counts. Numbers only grow.
    /// </summary>
    public bool Covers(RevisionStamp read)
    {
        for (var i = 0; i < _numbers.Length; i++)
            if (_numbers[i] < read._numbers[i]) return false;
        return true;
    }

    public override string ToString() => string.Join(", ", _kinds.Select((k, i) => $"{k} {_numbers[i]}"));
}
