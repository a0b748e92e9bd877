using System.Text;
using TokenCost.Rendering;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// Wraps standard output or standard error: every control character written (ESC, BEL, C1 controls…) becomes U+FFFD, whatever
/// wrote it, so that ids read from files cannot retitle or clear the terminal. On a terminal, colour sequences (ESC [ digits ; m)
/// pass, so that tables keep their colours; nothing else does. A write that fails because the reader has gone raises
/// <see cref="OutputClosedException"/>.
/// </summary>
public sealed class SanitizingWriter : TextWriter
{
    private const int MaxSequence = 32;
    private readonly TextWriter _inner;
    private readonly string _stream;
    private readonly bool _allowColours;
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _out = new();

    /// <summary>Initializes a new instance of the <see cref="SanitizingWriter"/> class.</summary>
    /// <param name="inner">The real stream writer.</param>
    /// <param name="stream">"standard output" or "standard error", for messages.</param>
    /// <param name="allowColours">Whether SGR colour sequences pass (the stream is a terminal).</param>
    public SanitizingWriter(TextWriter inner, string stream, bool allowColours)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _stream = stream;
        _allowColours = allowColours;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        Filter(value);
        Emit();
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            Filter(c);
        }

        Emit();
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (var i = index; i < index + count; i++)
        {
            Filter(buffer[i]);
        }

        Emit();
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    /// <inheritdoc/>
    public override void Flush() => Guarded(_inner.Flush);

    private void Filter(char c)
    {
        if (_pending.Length > 0)
        {
            _pending.Append(c);
            var complete = _pending.Length == 2 ? c == '[' ? (bool?)null : false
                : c == 'm' ? true
                : char.IsAsciiDigit(c) || c == ';' ? _pending.Length < MaxSequence ? null : false
                : false;
            if (complete is true)
            {
                _out.Append(_pending);
                _pending.Clear();
            }
            else if (complete is false)
            {
                _out.Append(OutputText.Replacement);
                foreach (var p in _pending.ToString(1, _pending.Length - 1))
                {
                    _out.Append(OutputText.IsControl(p, keepLineBreaks: true) ? OutputText.Replacement : p);
                }

                _pending.Clear();
            }

            return;
        }

        if (c == '\u001B' && _allowColours)
        {
            _pending.Append(c);
            return;
        }

        _out.Append(OutputText.IsControl(c, keepLineBreaks: true) ? OutputText.Replacement : c);
    }

    private void Emit()
    {
        if (_out.Length == 0)
        {
            return;
        }

        var text = _out.ToString();
        _out.Clear();
        Guarded(() => _inner.Write(text));
    }

    private void Guarded(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new OutputClosedException($"cannot write to {_stream}: {ex.Message}", ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new OutputClosedException($"cannot write to {_stream}: it is closed", ex);
        }
    }
}
