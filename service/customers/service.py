"""Customer use cases."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.customers.models import Customer
from service.errors import Conflict, NotFound
from service.http import paginate
from service.text import fold, like_pattern


def list_customers(session: Session, *, q: str | None = None, page: int, page_size: int) -> dict[str, Any]:
    stmt = sa.select(Customer).order_by(Customer.name_key, Customer.id)
    if q:
        stmt = stmt.where(Customer.name_key.like(like_pattern(q)))
    return paginate(session, stmt, page=page, page_size=page_size)


def get_customer(session: Session, *, customer_id: uuid.UUID) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"No customer with id {customer_id}.")
    return customer


def _check_name_free(session: Session, name: str, *, except_id: uuid.UUID | None = None) -> None:
    stmt = sa.select(Customer.id).where(Customer.name_key == fold(name))
    if except_id is not None:
        stmt = stmt.where(Customer.id != except_id)
    existing = session.scalar(stmt)
    if existing is not None:
        raise Conflict(f"A customer named {name!r} already exists (id {existing}); use its id instead.")


def add_customer(session: Session, *, data: dict[str, Any], customer_id: uuid.UUID | None = None) -> Customer:
    """Stage a new customer in the session without committing (projects create one inline)."""
    _check_name_free(session, data["name"])
    customer = Customer(id=customer_id or uuid.uuid4(), name_key=fold(data["name"]), **data)
    session.add(customer)
    return customer


def create_customer(session: Session, *, data: dict[str, Any]) -> Customer:
    customer = add_customer(session, data=data)
    session.commit()
    return customer


def update_customer(session: Session, *, customer: Customer, data: dict[str, Any]) -> Customer:
    if "name" in data:
        _check_name_free(session, data["name"], except_id=customer.id)
        customer.name_key = fold(data["name"])
    for key, value in data.items():
        setattr(customer, key, value)
    session.commit()
    return customer


def delete_customer(session: Session, *, customer: Customer) -> None:
    session.delete(customer)
    try:
        session.commit()
    except sa.exc.IntegrityError:
        session.rollback()
        raise Conflict("The customer still has interview projects; delete or move them first.") from None
