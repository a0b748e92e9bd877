namespace TokenCost.Validation;

/// <summary>What a validation case measures (the <c>metric</c> key; definitions in docs/calibration.md and the case-format README).</summary>
public enum CaseMetric
{
    /// <summary><c>output_tokens_per_s</c>: output tokens per second of the whole configuration (tokens/s).</summary>
    OutputTokensPerSecond,

    /// <summary><c>output_tokens_per_s_per_device</c>: <see cref="OutputTokensPerSecond"/> ÷ devices (tokens/s/device).</summary>
    OutputTokensPerSecondPerDevice,

    /// <summary><c>per_user_output_tokens_per_s</c>: output tokens one sequence receives per second, on the <c>timebase</c> tag's time base (tokens/s).</summary>
    OutputTokensPerSecondPerUser,

    /// <summary><c>time_per_output_token_ms</c>: time between consecutive output tokens of one sequence (ms).</summary>
    TimePerOutputToken,

    /// <summary><c>ttft_ms</c>: time to first token, including the whole prefill (ms).</summary>
    TimeToFirstToken,

    /// <summary><c>e2e_latency_ms</c>: time from submitting a batch until every sequence has all its output tokens (ms).</summary>
    EndToEndLatency,

    /// <summary><c>prefill_tokens_per_s</c>: batch × input tokens ÷ prefill time (tokens/s).</summary>
    PrefillTokensPerSecond,

    /// <summary><c>step_ms</c>: one forward step over the whole batch: a decode step (output 1) or a forward pass over input tokens with an empty cache (output 0) (ms).</summary>
    StepTime,

    /// <summary><c>joules_per_output_token</c>: accelerator board energy ÷ output tokens (J/token).</summary>
    JoulesPerOutputToken,

    /// <summary><c>total_tokens_per_s_per_device</c>: prompt plus output tokens processed per second by the whole configuration ÷ devices (tokens/s/device).</summary>
    TotalTokensPerSecondPerDevice,
}
