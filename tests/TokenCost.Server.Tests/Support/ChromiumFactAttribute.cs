namespace TokenCost.Server.Tests.Support;

/// <summary>A test that drives Debian's Chromium through Playwright; skipped, with the reason, where Chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="ChromiumFactAttribute"/> class.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium, or set TOKENCOST_CHROMIUM); the browser tests are skipped.";
        }
    }

    /// <summary>Gets the Chromium executable: $TOKENCOST_CHROMIUM, else /usr/bin/chromium.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("TOKENCOST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}
