using System.IO;

namespace FixAllConsumer;

/// <summary>A retry that does not wait between attempts (GR1002).</summary>
public sealed class StockLedger
{
    public void Append(string path, string line)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                File.AppendAllText(path, line);
                return;
            }
            catch (IOException) when (attempt < 2)
            {
            }
        }
    }
}
