from houvast.lib.testing import BaseTestCase


class SetLanguageTests(BaseTestCase):
    def test_anonymous_visitor_gets_english_after_switching(self):
        response = self.client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
        self.assertContains(response, "Preventing relapse together")

    def test_logged_in_user_keeps_the_choice_on_their_account(self):
        self.login(self.member)
        self.client.post("/i18n/setlang/", {"language": "en", "next": "/dashboard/"})
        self.member.refresh_from_db()
        self.assertEqual(self.member.language, "en")
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Welcome, Mo Lid")

    def test_unknown_language_changes_nothing(self):
        self.login(self.member)
        self.client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
        self.member.refresh_from_db()
        self.assertEqual(self.member.language, "nl")
