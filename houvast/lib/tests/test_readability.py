from django.test import SimpleTestCase

from houvast.lib.readability import flesch_douma, sentences, syllables


class ReadabilityTests(SimpleTestCase):
    def test_it_counts_dutch_syllables(self):
        self.assertEqual(syllables("plan"), 1)
        self.assertEqual(syllables("slapen"), 2)
        self.assertEqual(syllables("patiënt"), 3)
        self.assertEqual(syllables("terugvalpreventieplan"), 7)
        self.assertEqual(syllables("huisarts"), 2)

    def test_every_block_is_a_sentence(self):
        html = "<h2>Het gaat goed</h2><ul><li>Ik slaap</li><li>Ik wandel. Ik eet.</li></ul>"
        self.assertEqual(sentences(html), ["Het gaat goed", "Ik slaap", "Ik wandel.", "Ik eet."])

    def test_short_plain_words_score_high(self):
        score, longest = flesch_douma("<p>Ik bel mijn zus. Zij komt.</p>")
        self.assertGreater(score, 90)
        self.assertEqual(longest, 4)
