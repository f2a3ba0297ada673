using RagnarokOps.Connectors.Logs;

namespace RagnarokOps.Connectors.Tests.Logs;

public sealed class StackTextTests
{
    [Fact]
    public void Parse_DotNetExceptionWithInner_TakesTheOuterTypeAndEveryFrame()
    {
        var (type, message, frames) = StackText.Parse(
            "System.AggregateException: One or more errors occurred. (boom)\r\n ---> System.InvalidOperationException: boom\r\n   at A.B() in /src/A.cs:line 3\r\n   --- End of inner exception stack trace ---\r\n   at C.D()\r\n");

        Assert.Equal(("System.AggregateException", "One or more errors occurred. (boom)"), (type, message));
        Assert.Equal(["at A.B() in /src/A.cs:line 3", "--- End of inner exception stack trace ---", "at C.D()"], frames);
    }

    [Fact]
    public void Parse_PythonTraceback_KeepsFileFramesAndFindsTheErrorType()
    {
        var (type, message, frames) = StackText.Parse("Traceback (most recent call last):\n  File \"/app/main.py\", line 9, in handler\n    total = price / qty\nZeroDivisionError: division by zero");

        Assert.Equal(("ZeroDivisionError", "division by zero"), (type, message));
        Assert.Equal(["File \"/app/main.py\", line 9, in handler"], frames);
    }

    [Fact]
    public void Parse_Empty_HasNothing() => Assert.Equal((null, null, 0), (StackText.Parse(" ").Type, StackText.Parse(" ").Message, StackText.Parse(" ").Frames.Count));
}
