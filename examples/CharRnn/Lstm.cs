using Torch.Nn;

namespace CharRnn;

/// <summary>char-rnn's model/LSTM.lua: one time step of an n-layer LSTM as a gModule.</summary>
public static class LSTM
{
    /// <summary>Inputs x, prev_c[1], prev_h[1], ..., prev_c[n], prev_h[n]; outputs next_c[1], next_h[1], ..., log-probabilities.
    /// Example: <c>var rnn = LSTM.Lstm(65, 128, 2, 0);</c></summary>
    public static GModule Lstm(int inputSize, int rnnSize, int n, double dropout = 0)
    {
        // there will be 2*n+1 inputs
        var inputs = new List<Node> { nn.Identity().Call() };  // x
        for (int L = 1; L <= n; L++)
        {
            inputs.Add(nn.Identity().Call()); // prev_c[L]
            inputs.Add(nn.Identity().Call()); // prev_h[L]
        }

        Node x;
        int inputSizeL;
        var outputs = new List<Node>();
        for (int L = 1; L <= n; L++)
        {
            // c,h from previous timesteps (Lua's 1-based inputs[L*2+1] and inputs[L*2])
            var prevH = inputs[L * 2];
            var prevC = inputs[L * 2 - 1];
            // the input to this layer
            if (L == 1)
            {
                x = new OneHot(inputSize).Call(inputs[0]);
                inputSizeL = inputSize;
            }
            else
            {
                x = outputs[(L - 1) * 2 - 1];
                if (dropout > 0) x = nn.Dropout(dropout).Call(x); // apply dropout, if any
                inputSizeL = rnnSize;
            }
            // evaluate the input sums at once for efficiency
            var i2h = nn.Linear(inputSizeL, 4 * rnnSize).Call(x).Annotate("i2h_" + L);
            var h2h = nn.Linear(rnnSize, 4 * rnnSize).Call(prevH).Annotate("h2h_" + L);
            var allInputSums = nn.CAddTable().Call(i2h, h2h);

            var reshaped = nn.Reshape(4, rnnSize).Call(allInputSums);
            var gates = nn.SplitTable(2).Call(reshaped).Split(4);
            // decode the gates
            var inGate = nn.Sigmoid().Call(gates[0]);
            var forgetGate = nn.Sigmoid().Call(gates[1]);
            var outGate = nn.Sigmoid().Call(gates[2]);
            // decode the write inputs
            var inTransform = nn.Tanh().Call(gates[3]);
            // perform the LSTM update
            var nextC = nn.CAddTable().Call(
                nn.CMulTable().Call(forgetGate, prevC),
                nn.CMulTable().Call(inGate, inTransform));
            // gated cells form the output
            var nextH = nn.CMulTable().Call(outGate, nn.Tanh().Call(nextC));

            outputs.Add(nextC);
            outputs.Add(nextH);
        }

        // set up the decoder
        var topH = outputs[^1];
        if (dropout > 0) topH = nn.Dropout(dropout).Call(topH);
        var proj = nn.Linear(rnnSize, inputSize).Call(topH).Annotate("decoder");
        var logsoft = nn.LogSoftMax().Call(proj);
        outputs.Add(logsoft);

        return nn.GModule(inputs.ToArray(), outputs.ToArray());
    }
}
