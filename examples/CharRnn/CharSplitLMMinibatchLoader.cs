using Torch;

namespace CharRnn;

/// <summary>char-rnn's util/CharSplitLMMinibatchLoader.lua: the text as byte indices into a sorted vocabulary, cut into
/// batch_size rows and split into seq_length-long batches for train, validation and test. Lua caches the tensors in
/// vocab.t7/data.t7 beside input.txt; here the data folder may be read-only, so they are built in memory each run.</summary>
public sealed class CharSplitLMMinibatchLoader
{
    /// <summary>Character (a one-byte string, as Lua's) → 1-based index. Example: <c>loader.VocabMapping["a"]</c>.</summary>
    public Table VocabMapping = new();
    /// <summary>The number of distinct characters. Example: <c>loader.VocabSize</c>.</summary>
    public int VocabSize;
    /// <summary>Batches per split: train, validation, test. Example: <c>loader.SplitSizes[0]</c>.</summary>
    public int[] SplitSizes;
    /// <summary>The number of training batches (Lua's ntrain). Example: <c>loader.NTrain</c>.</summary>
    public int NTrain;
    readonly Tensor[] xBatches, yBatches;
    readonly int[] batchIx = { 0, 0, 0 };
    readonly int nval;

    /// <summary>Example: <c>var loader = new CharSplitLMMinibatchLoader(dir, 50, 50, new[] { 0.95, 0.05, 0 });</c></summary>
    public CharSplitLMMinibatchLoader(string dataDir, int batchSize, int seqLength, double[] splitFractions)
    {
        var (data, vocab) = TextToTensor(Path.Combine(dataDir, "input.txt"));
        VocabMapping = vocab;

        // cut off the end so that it divides evenly
        long len = data.Size(1);
        if (len % (batchSize * seqLength) != 0)
        {
            Console.WriteLine("cutting off end of data so that the batches/sequences divide evenly");
            data = data.Sub(1, batchSize * seqLength * (len / (batchSize * seqLength)));
        }

        // count vocab
        VocabSize = vocab.Keyed.Count();

        Console.WriteLine("reshaping tensor...");
        var ydata = data.Clone();
        ydata.Sub(1, -2).Copy(data.Sub(2, -1));
        ydata[-1] = (double)data[1];
        xBatches = data.View(batchSize, -1).Split(seqLength, 2);  // #rows = #batches
        int nbatches = xBatches.Length;
        yBatches = ydata.View(batchSize, -1).Split(seqLength, 2);
        if (nbatches < 50)
            Console.WriteLine("WARNING: less than 50 batches in the data in total? Looks like very small dataset. You probably want to use smaller batch_size and/or seq_length.");

        foreach (var f in splitFractions)
            if (f < 0 || f > 1) throw new ArgumentException($"bad split fraction {f}, not between 0 and 1");
        NTrain = (int)Math.Floor(nbatches * splitFractions[0]);
        int ntest;
        if (splitFractions[2] == 0)
        {
            // catch a common special case where the user might not want a test set
            nval = nbatches - NTrain;
            ntest = 0;
        }
        else
        {
            // divide data to train/val and allocate rest to test
            nval = (int)Math.Floor(nbatches * splitFractions[1]);
            ntest = nbatches - nval - NTrain;
        }
        SplitSizes = new[] { NTrain, nval, ntest };
        Console.WriteLine($"data load done. Number of data batches in train: {NTrain}, val: {nval}, test: {ntest}");
    }

    /// <summary>Example: <c>loader.ResetBatchPointer(2);</c></summary>
    public void ResetBatchPointer(int splitIndex, int batchIndex = 0) => batchIx[splitIndex - 1] = batchIndex;

    /// <summary>The next (x, y) batch of split 1 (train), 2 (validation) or 3 (test), cycling. Example: <c>var (x, y) = loader.NextBatch(1);</c></summary>
    public (Tensor X, Tensor Y) NextBatch(int splitIndex)
    {
        if (SplitSizes[splitIndex - 1] == 0)
            throw new InvalidOperationException($"a batch was requested for split {new[] { "train", "val", "test" }[splitIndex - 1]}, which has no data");
        batchIx[splitIndex - 1]++;
        if (batchIx[splitIndex - 1] > SplitSizes[splitIndex - 1]) batchIx[splitIndex - 1] = 1; // cycle around to beginning
        int ix = batchIx[splitIndex - 1];
        if (splitIndex == 2) ix += NTrain;            // offset by train set size
        if (splitIndex == 3) ix += NTrain + nval;     // offset by train + val
        return (xBatches[ix - 1], yBatches[ix - 1]);
    }

    /// <summary>The text's bytes as a ByteTensor of vocabulary indices, and the vocabulary (characters sorted as Lua's table.sort sorts strings).</summary>
    static (Tensor Data, Table Vocab) TextToTensor(string inTextfile)
    {
        Console.WriteLine("loading text file...");
        byte[] raw = File.ReadAllBytes(inTextfile);
        var ordered = raw.Distinct().OrderBy(b => b).ToArray();
        var index = new byte[256];
        var vocab = new Table();
        for (int i = 0; i < ordered.Length; i++)
        {
            index[ordered[i]] = (byte)(i + 1);
            vocab[((char)ordered[i]).ToString()] = i + 1;
        }
        Console.WriteLine("putting data into tensor...");
        return (torch.ByteTensor(raw.Select(b => index[b]).ToArray()), vocab);
    }
}
