"""Names for the few statements written out by hand (hot reads where building the ORM query cost more than
running it): a model's table and a field's column, quoted for the database in use, so that a statement
follows the models instead of repeating their names."""

from django.db import connection


def table(model):
    return connection.ops.quote_name(model._meta.db_table)


def column(model, name):
    return connection.ops.quote_name(model._meta.get_field(name).column)
