namespace HotSpots.Platform;

/// <summary>
/// Input refused: the message says, in words for the person who gave it, what was wrong and where (the field, line or
/// value). The web host answers it with 400 and this message, on pages and APIs alike; the command line prints it.
/// A programmer's error (a call no input can cause) stays an <see cref="ArgumentException"/>.
/// </summary>
public class ValidationException(string message) : Exception(message);
