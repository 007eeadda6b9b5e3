namespace Workbench.Core.Text;

/// <summary>
/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980), as in the
/// author's reference implementation, for lower-case words. It conflates far more inflections and
/// derivations than <see cref="Terms.Stem"/> ("effects"/"effective"/"effectiveness", "associated"/"association"),
/// which suits matching a question's words to a passage's, but not showing stems to anyone.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        // Words of one or two letters are left alone, as in the reference implementation.
        if (word.Length <= 2)
        {
            return word;
        }

        var stemmer = new Word(word);
        stemmer.Step1AB();
        if (stemmer.End > 0)
        {
            stemmer.Step1C();
            stemmer.Step2();
            stemmer.Step3();
            stemmer.Step4();
            stemmer.Step5();
        }

        return stemmer.ToString();
    }

    /// <summary>
    /// The word being stemmed: letters [0, <see cref="End"/>] are the current word, and after a successful
    /// <see cref="Ends"/> the letters [0, stemEnd] are what precedes the suffix.
    /// </summary>
    private sealed class Word(string word)
    {
        private readonly char[] letters = word.ToCharArray();
        private int stemEnd;

        public int End { get; private set; } = word.Length - 1;

        public override string ToString() => new(letters, 0, End + 1);

        public void Step1AB()
        {
            if (letters[End] == 's')
            {
                if (Ends("sses"))
                {
                    End -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (letters[End - 1] != 's')
                {
                    End--;
                }
            }

            if (Ends("eed"))
            {
                if (Measure() > 0)
                {
                    End--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                End = stemEnd;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(End))
                {
                    if (letters[End] is not ('l' or 's' or 'z'))
                    {
                        End--;
                    }
                }
                else if (Measure() == 1 && ConsonantVowelConsonant(End))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1C()
        {
            if (Ends("y") && VowelInStem())
            {
                letters[End] = 'i';
            }
        }

        public void Step2()
        {
            _ = letters[End - 1] switch
            {
                'a' => Replace("ational", "ate") || Replace("tional", "tion"),
                'c' => Replace("enci", "ence") || Replace("anci", "ance"),
                'e' => Replace("izer", "ize"),
                'l' => Replace("bli", "ble") || Replace("alli", "al") || Replace("entli", "ent") || Replace("eli", "e") || Replace("ousli", "ous"),
                'o' => Replace("ization", "ize") || Replace("ation", "ate") || Replace("ator", "ate"),
                's' => Replace("alism", "al") || Replace("iveness", "ive") || Replace("fulness", "ful") || Replace("ousness", "ous"),
                't' => Replace("aliti", "al") || Replace("iviti", "ive") || Replace("biliti", "ble"),
                'g' => Replace("logi", "log"),
                _ => false,
            };
        }

        public void Step3()
        {
            _ = letters[End] switch
            {
                'e' => Replace("icate", "ic") || Replace("ative", string.Empty) || Replace("alize", "al"),
                'i' => Replace("iciti", "ic"),
                'l' => Replace("ical", "ic") || Replace("ful", string.Empty),
                's' => Replace("ness", string.Empty),
                _ => false,
            };
        }

        public void Step4()
        {
            var found = letters[End - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => (Ends("ion") && stemEnd >= 0 && letters[stemEnd] is 's' or 't') || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (found && Measure() > 1)
            {
                End = stemEnd;
            }
        }

        public void Step5()
        {
            stemEnd = End;
            if (letters[End] == 'e')
            {
                var measure = Measure();
                if (measure > 1 || (measure == 1 && !ConsonantVowelConsonant(End - 1)))
                {
                    End--;
                }
            }

            if (letters[End] == 'l' && DoubleConsonant(End) && Measure() > 1)
            {
                End--;
            }
        }

        private bool IsConsonant(int i) => letters[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V]: how many vowel-consonant sequences the stem before the suffix has.</summary>
        private int Measure()
        {
            var count = 0;
            var i = 0;
            while (i <= stemEnd && IsConsonant(i))
            {
                i++;
            }

            while (i <= stemEnd)
            {
                while (i <= stemEnd && !IsConsonant(i))
                {
                    i++;
                }

                if (i > stemEnd)
                {
                    break;
                }

                count++;
                while (i <= stemEnd && IsConsonant(i))
                {
                    i++;
                }
            }

            return count;
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= stemEnd; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int i) => i >= 1 && letters[i] == letters[i - 1] && IsConsonant(i);

        /// <summary>Consonant, vowel, consonant ending at <paramref name="i"/>, the last not w, x or y ("hop", not "snow").</summary>
        private bool ConsonantVowelConsonant(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && letters[i] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix)
        {
            if (suffix.Length > End + 1 || !letters.AsSpan(End + 1 - suffix.Length, suffix.Length).SequenceEqual(suffix))
            {
                return false;
            }

            stemEnd = End - suffix.Length;
            return true;
        }

        private void SetTo(string replacement)
        {
            replacement.CopyTo(0, letters, stemEnd + 1, replacement.Length);
            End = stemEnd + replacement.Length;
        }

        /// <summary>When the word ends with <paramref name="suffix"/>, replaces it if the stem's measure is above 0; true either way, so no shorter suffix is tried.</summary>
        private bool Replace(string suffix, string replacement)
        {
            if (!Ends(suffix))
            {
                return false;
            }

            if (Measure() > 0)
            {
                SetTo(replacement);
            }

            return true;
        }
    }
}
