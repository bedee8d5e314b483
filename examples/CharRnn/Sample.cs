using Torch;
using Torch.Nn;

namespace CharRnn;

/// <summary>char-rnn's sample.lua, line by line: samples characters from a trained checkpoint (this library's or Torch7's).</summary>
public static class Sample
{
    /// <summary>Example: <c>Sample.Run(new[] { "cv/lm_lstm_epoch1.00_2.1000.t7", "-length", "200" });</c></summary>
    public static void Run(string[] args)
    {
        var cmd = new CmdLine();
        cmd.Text();
        cmd.Text("Sample from a character-level language model");
        cmd.Text();
        cmd.Text("Options");
        // required:
        cmd.Argument("-model", "model checkpoint to use for sampling");
        // optional parameters
        cmd.Option("-seed", 123, "random number generator's seed");
        cmd.Option("-sample", 1, " 0 to use max at each timestep, 1 to sample at each timestep");
        cmd.Option("-primetext", "", "used as a prompt to \"seed\" the state of the LSTM using a given sequence, before we sample.");
        cmd.Option("-length", 2000, "number of characters to sample");
        cmd.Option("-temperature", 1, "temperature of sampling");
        cmd.Option("-gpuid", 0, "which gpu to use. -1 = use CPU");
        cmd.Option("-verbose", 1, "set to 0 to ONLY print the sampled text, no diagnostics");
        cmd.Text();

        // parse input params
        Table opt = cmd.Parse(args);
        // gated print: simple utility function wrapping a print
        void Gprint(string str) { if ((double)opt["verbose"] == 1) Console.WriteLine(str); }

        bool cuda = (double)opt["gpuid"] >= 0 && cutorch.IsAvailable();
        if ((double)opt["gpuid"] >= 0 && !cuda) { Gprint("Falling back on CPU mode"); opt["gpuid"] = -1; }
        torch.ManualSeed((long)(double)opt["seed"]);

        // load the model checkpoint
        string model = (string)opt["model"].Object!;
        if (!File.Exists(model)) Gprint($"Error: File {model} does not exist. Are you sure you didn't forget to prepend cv/ ?");
        OneHot.Register();
        var checkpoint = (Table)torch.Load(model)!;
        Table protos = checkpoint["protos"];
        var rnn = (Module)protos["rnn"].Object!;
        if (cuda) rnn.Cuda();
        rnn.Evaluate(); // put in eval mode so that dropout works properly

        // initialize the vocabulary (and its inverted version)
        Table vocab = checkpoint["vocab"];
        var ivocab = new Dictionary<int, string>();
        foreach (var (c, i) in vocab.Keyed) ivocab[(int)(double)i] = (string)c.Object!;

        // initialize the rnn state to all zeros
        Table copt = checkpoint["opt"];
        Gprint($"creating an {copt["model"]}...");
        var currentState = new List<LuaValue>();
        for (int L = 1; L <= (double)copt["num_layers"]; L++)
        {
            // c and h for all layers
            var hInit = torch.Zeros(1, (long)(double)copt["rnn_size"]).Double();
            if (cuda) hInit = hInit.Cuda();
            currentState.Add(hInit.Clone());
            if ((string)copt["model"].Object! == "lstm") currentState.Add(hInit.Clone());
        }
        int stateSize = currentState.Count;

        void Step(Tensor prevChar, ref Tensor prediction)
        {
            Table lst = rnn.Forward(new Table(currentState.Prepend(prevChar).ToArray()));
            // lst is a list of [state1,state2,..stateN,output]. We want everything but last piece
            currentState = new List<LuaValue>();
            for (int i = 1; i <= stateSize; i++) currentState.Add(lst[i]);
            prediction = lst[lst.Length]; // last element holds the log probabilities
        }

        // do a few seeded timesteps
        string seedText = (string)opt["primetext"].Object!;
        Tensor prediction = null!;
        var output = Console.OpenStandardOutput();
        if (seedText.Length > 0)
        {
            Gprint("seeding with " + seedText);
            Gprint("--------------------------");
            foreach (char c in seedText)
            {
                var index = vocab[c.ToString()];
                if (index.IsNil) throw new ArgumentException($"-primetext: the character '{c}' is not in the model's vocabulary");
                var prevChar = torch.Tensor(new[] { (double)index });
                output.Write(new[] { (byte)ivocab[(int)(double)prevChar[1]][0] });
                if (cuda) prevChar = prevChar.Cuda();
                Step(prevChar, ref prediction);
            }
        }
        else
        {
            // fill with uniform probabilities over characters (? hmm)
            Gprint("missing seed text, using uniform probability over first character");
            Gprint("--------------------------");
            prediction = torch.Tensor(1, ivocab.Count).Fill(1).Div(ivocab.Count);
            if (cuda) prediction = prediction.Cuda();
        }

        // start sampling/argmaxing
        for (int i = 1; i <= (double)opt["length"]; i++)
        {
            Tensor prevChar;
            // log probabilities from the previous timestep
            if ((double)opt["sample"] == 0)
            {
                // use argmax
                var (_, prevChar_) = prediction.Max(2);
                prevChar = prevChar_.Resize(1);
            }
            else
            {
                // use sampling
                prediction.Div((double)opt["temperature"]); // scale by temperature
                var probs = torch.Exp(prediction).Squeeze();
                probs.Div(probs.Sum()); // renormalize so probs sum to one
                prevChar = torch.Multinomial(probs.Float(), 1).Resize(1).Float();
            }

            // forward the rnn for next character
            Step(prevChar, ref prediction);

            output.Write(new[] { (byte)ivocab[(int)(double)prevChar[1]][0] });
        }
        output.Write("\n"u8);
        output.Flush();
    }
}
