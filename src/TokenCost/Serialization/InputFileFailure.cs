namespace TokenCost.Serialization;

/// <summary>Creates the exception of one kind of input file (catalog, case, claim, scenario) for a reader that serves several kinds.</summary>
/// <param name="file">The file (or resource) name.</param>
/// <param name="line">The 1-based line number, when known.</param>
/// <param name="message">What is wrong.</param>
/// <param name="innerException">The cause, if any.</param>
/// <returns>The exception to throw.</returns>
internal delegate InputFileException InputFileFailure(string file, long? line, string message, Exception? innerException);
