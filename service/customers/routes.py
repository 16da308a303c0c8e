from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView

from service.customers import service
from service.customers.schemas import CustomerListArgsSchema, CustomerSchema
from service.db import get_session
from service.http import ETAG_HEADERS, IF_MATCH_DOC, Blueprint, etag_headers, page_of, require_fresh

blp = Blueprint("customers", __name__, url_prefix="/api/v1/customers", description="Client companies, reused across interview projects")


@blp.route("")
class Customers(MethodView):
    @blp.arguments(CustomerListArgsSchema, location="query")
    @blp.response(200, page_of(CustomerSchema))
    def get(self, args: dict[str, Any]):
        """List customers, searchable by name"""
        return service.list_customers(get_session(), **args)

    @blp.arguments(CustomerSchema)
    @blp.response(201, CustomerSchema, headers=ETAG_HEADERS)
    @blp.problems(409)
    def post(self, data: dict[str, Any]):
        """Create a customer"""
        customer = service.create_customer(get_session(), data=data)
        return customer, 201, {**etag_headers(customer), "Location": f"{blp.url_prefix}/{customer.id}"}


@blp.route("/<uuid:customer_id>")
class CustomerItem(MethodView):
    @blp.response(200, CustomerSchema, headers=ETAG_HEADERS)
    @blp.problems(404)
    def get(self, customer_id: uuid.UUID):
        """Read a customer"""
        customer = service.get_customer(get_session(), customer_id=customer_id)
        return customer, 200, etag_headers(customer)

    @blp.arguments(CustomerSchema)
    @blp.response(200, CustomerSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 409, 412)
    def put(self, data: dict[str, Any], customer_id: uuid.UUID):
        """Replace a customer"""
        return self._update(customer_id, data)

    @blp.arguments(CustomerSchema(partial=True))
    @blp.response(200, CustomerSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 409, 412)
    def patch(self, data: dict[str, Any], customer_id: uuid.UUID):
        """Change some fields of a customer"""
        return self._update(customer_id, data)

    @blp.response(204)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @blp.problems(404, 409, 412)
    def delete(self, customer_id: uuid.UUID):
        """Delete a customer that has no projects"""
        session = get_session()
        customer = service.get_customer(session, customer_id=customer_id)
        require_fresh(customer)
        service.delete_customer(session, customer=customer)

    @staticmethod
    def _update(customer_id: uuid.UUID, data: dict[str, Any]):
        session = get_session()
        customer = service.get_customer(session, customer_id=customer_id)
        require_fresh(customer)
        customer = service.update_customer(session, customer=customer, data=data)
        return customer, 200, etag_headers(customer)
