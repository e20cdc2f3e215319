from django_tasks import task


@task()
def ping(message):
    """A no-op task that proves a worker is running (used by the scaled smoke test)."""
    return f"pong: {message}"
