namespace RagnarokOps.Domain.Escalations;

/// <summary>Word matching that treats <c>-</c>, <c>_</c>, <c>/</c> and <c>.</c> as part of a word's edges, case-insensitively.</summary>
public static class TextMatch
{
    public static bool ContainsWord(string text, string word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        var start = 0;
        while (true)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }

            start = index + 1;
        }
    }
}
