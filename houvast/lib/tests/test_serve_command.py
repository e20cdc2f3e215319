from django.test import SimpleTestCase, override_settings

from houvast.lib.management.commands.serve import uvicorn_command


class ServeCommandTests(SimpleTestCase):
    @override_settings(TRUSTED_PROXIES=["10.0.0.5", "10.1.0.0/16"])
    def test_trusted_proxies_are_passed_to_uvicorn(self):
        command = uvicorn_command("python", "0.0.0.0", 8001)
        self.assertIn("--proxy-headers", command)
        self.assertEqual(command[command.index("--forwarded-allow-ips") + 1], "10.0.0.5,10.1.0.0/16")

    @override_settings(TRUSTED_PROXIES=[])
    def test_without_trusted_proxies_no_forwarded_header_is_read(self):
        command = uvicorn_command("python", "127.0.0.1", 8000)
        self.assertIn("--no-proxy-headers", command)
        self.assertNotIn("--forwarded-allow-ips", command)

    def test_uvicorn_writes_no_access_log_of_its_own(self):
        self.assertIn("--no-access-log", uvicorn_command("python", "127.0.0.1", 8000))
