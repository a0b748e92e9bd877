namespace TokenCost.Validation;

/// <summary>The time base of a per-user output rate in a case (the <c>timebase</c> tag).</summary>
public enum RateTimebase
{
    /// <summary><c>e2e</c>: output tokens ÷ end-to-end request latency (time to first token included).</summary>
    EndToEnd,

    /// <summary><c>decode</c>: 1 ÷ time per output token (decode phase only).</summary>
    Decode,
}
