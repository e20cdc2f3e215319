"""Duplicate suggestions (`duplicates.find_duplicates`): alike texts are paired, different ones are not,
and a large board is paired through its word index, not by comparing every pair."""

from types import SimpleNamespace

from django.test import SimpleTestCase

from houvast.workshops import duplicates


def notes(*texts):
    return [SimpleNamespace(pk=n, text=text) for n, text in enumerate(texts, start=1)]


class FindDuplicatesTests(SimpleTestCase):
    def pairs(self, *texts):
        return [(a.text, b.text) for a, b in duplicates.find_duplicates(notes(*texts))]

    def test_a_text_inside_another_is_a_duplicate(self):
        self.assertEqual(
            self.pairs("Psycho-educatie", "Psycho-educatie geven", "Huisarts betrekken"),
            [("Psycho-educatie", "Psycho-educatie geven")],
        )

    def test_plural_and_word_order_do_not_matter(self):
        self.assertEqual(
            self.pairs("Signalen bespreken met naasten", "naasten: signaal bespreken"),
            [("Signalen bespreken met naasten", "naasten: signaal bespreken")],
        )

    def test_different_interventions_are_not_paired(self):
        self.assertEqual(self.pairs("Crisiskaart maken", "Medicatie evalueren", "Slaapdagboek bijhouden"), [])

    def test_shared_small_words_make_no_pair(self):
        self.assertEqual(self.pairs("Een plan voor de patiënt", "Een gesprek met de huisarts"), [])

    def test_large_board_compares_only_candidates(self):
        compared = []
        original = duplicates._looks_alike

        def counting(*args):
            compared.append(args)
            return original(*args)

        board = notes(*(f"interventie{n} variant{n % 7}" for n in range(400)))
        duplicates._looks_alike = counting
        try:
            duplicates.find_duplicates(board)
        finally:
            duplicates._looks_alike = original
        # Every pair would be 79,800 comparisons; notes share only their "variant" word, and a word on
        # more than half of the board is no reason to compare.
        self.assertLess(len(compared), 400 * 400 // 10)

    def test_at_most_twelve_suggestions(self):
        board = notes(*(["Psycho-educatie", "Psycho-educatie geven"] * 20))
        self.assertEqual(len(duplicates.find_duplicates(board)), duplicates.MAX_SHOWN)

    def test_overlapping_texts_with_their_own_rare_words_are_found(self):
        # Each text has a word the other lacks; three of five words are shared.
        self.assertEqual(
            self.pairs("Crisisplan maken samen familie", "Crisisplan maken samen huisarts"),
            [("Crisisplan maken samen familie", "Crisisplan maken samen huisarts")],
        )
